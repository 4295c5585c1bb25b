package org.wholecare.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void everyWordIsJoinedToEveryDistrictWithTitleWordsTwice() {
        String text = SearchTerms.document("Garden help", "Help with the garden, and weeding.", List.of("NB4", "NB10"));
        assertThat(text.split(" ")).containsExactly(
                "nb4_garden", "nb4_help", "nb4_garden", "nb4_help", "nb4_weeding",
                "nb10_garden", "nb10_help", "nb10_garden", "nb10_help", "nb10_weeding");
    }

    @Test
    void typedOperatorsAndMarkupStayTextAndShortOrCommonWordsAreDropped() {
        assertThat(SearchTerms.query("NB4", "physio -massage \"for\" <b>the</b> elderly*"))
                .isEqualTo("+nb4_physio* +nb4_massage* +nb4_elderly*");
        assertThat(SearchTerms.query("NB4", "  a to ** ")).isNull();
        assertThat(SearchTerms.query("NB4", null)).isNull();
    }

    @Test
    void aDistrictThatEndsInADigitCannotRunIntoAWordThatStartsWithOne() {
        // "nb1" + "2nd" and "nb12" + "nd..." must stay different terms
        assertThat(SearchTerms.document("2nd floor", "", List.of("NB1"))).startsWith("nb1_2nd");
        assertThat(SearchTerms.query("NB12", "ndebele")).isEqualTo("+nb12_ndebele*");
    }

    @Test
    void atMostTenWordsAreSearched() {
        String query = SearchTerms.query("NB4", "one1 two2 three3 four4 five5 six6 seven7 eight8 nine9 ten10 eleven11");
        assertThat(query.split(" ")).hasSize(10).doesNotContain("+nb4_eleven11*");
    }
}
