package org.wholecare.marketplace.openreferral;

import java.util.Optional;
import java.util.UUID;

/**
 * The identifiers the standard asks for (UUIDs) made from Wholecare's own numbers, so they stay the
 * same from one day to the next and need no table: a version 8 ("custom") UUID whose first part
 * says what kind of thing it names and whose last part is its number, for example
 * {@code 57430001-0000-8000-8000-0000002a0000} for listing 42 (the last four digits number the
 * parts of one listing, such as its second language).
 */
enum OpenReferralIds {
    SERVICE(1), ORGANIZATION(2), TAXONOMY_TERM(3), TAXONOMY(4), COST_OPTION(5), SERVICE_AREA(6), LANGUAGE(7),
    SCHEDULE(8), ATTRIBUTE(9), ORGANIZATION_IDENTIFIER(10);

    /** "WC" then the kind, in the top 32 bits; version 8 in the place RFC 9562 gives it. */
    private static final long MARKER = 0x5743_0000L;
    private static final long VERSION_8 = 0x8000L;
    /** The RFC 9562 variant (binary 10) in the top bits of the second half. */
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    /** Listings with more than one language or district number them within the listing: 16 bits each. */
    private static final int PART_BITS = 16;

    private final int kind;

    OpenReferralIds(int kind) {
        this.kind = kind;
    }

    String of(long number) {
        return of(number, 0);
    }

    /** The {@code part}th (0 onwards) of several such things of one listing, such as its second language. */
    String of(long number, int part) {
        if (number < 0 || number >= 1L << (62 - PART_BITS) || part < 0 || part >= 1 << PART_BITS) {
            throw new IllegalArgumentException("out of range: " + number + "/" + part);
        }
        long msb = ((MARKER | kind) << 32) | VERSION_8;
        return new UUID(msb, VARIANT | (number << PART_BITS) | part).toString();
    }

    /** The number inside an identifier of this kind, or empty for anything else (a typo, another kind). */
    Optional<Long> numberOf(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        if (!of(0).equals(new UUID(uuid.getMostSignificantBits(), VARIANT).toString())
                || !id.strip().equalsIgnoreCase(uuid.toString())
                || (uuid.getLeastSignificantBits() & ~0x3FFF_FFFF_FFFF_FFFFL) != VARIANT
                || (uuid.getLeastSignificantBits() & ((1L << PART_BITS) - 1)) != 0) {
            return Optional.empty();
        }
        return Optional.of((uuid.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL) >>> PART_BITS);
    }

    /** Whether the text has the form of a UUID at all, so a typo and an unknown id get different answers. */
    static boolean looksLikeAUuid(String id) {
        return id.strip().matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
