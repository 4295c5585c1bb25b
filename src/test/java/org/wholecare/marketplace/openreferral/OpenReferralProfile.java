package org.wholecare.marketplace.openreferral;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Open Referral UK profile's rules, as JSON Schema, to check the feed's answers against: the
 * statement kept with the tests ({@code open-referral-uk/profile.schema.json}), and, when
 * {@code -Dopenreferral.profile.dir} names a checkout of the profile's {@code schema} folder, the
 * published compiled schemas themselves.
 */
final class OpenReferralProfile {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** What is wrong with {@code json} as the profile's {@code definition} (empty when nothing is). */
    List<String> problems(String definition, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:open-referral-uk/profile.schema.json#/$defs/"
                + definition));
        List<String> problems = new ArrayList<>(messages(schema, json));
        String published = System.getProperty("openreferral.profile.dir");
        String file = switch (definition) {
            case "service" -> "compiled/service.json";
            case "service_in_list" -> "compiled/service_list.json";
            default -> null;
        };
        if (published != null && file != null) {
            try {
                Schema real = registry.getSchema(Files.newInputStream(Path.of(published, file)), InputFormat.JSON);
                messages(real, json).forEach(m -> problems.add("published " + file + ": " + m));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the published profile at " + published, e);
            }
        }
        return problems;
    }

    private static List<String> messages(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }
}
