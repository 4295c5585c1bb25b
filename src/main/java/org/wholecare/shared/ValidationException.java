package org.wholecare.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be carried out as given. Carries one plain-English message per field so
 * the form can show each next to the field it is about; nothing has been saved when it is thrown.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(String.join(" ", fieldErrors.values()));
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    /** Messages keyed by field name; a blank key means the whole form. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects messages for several fields and throws once, so the person sees them all together. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** What has been collected so far, in the order it was found. */
        public Map<String, String> fieldErrors() {
            return java.util.Collections.unmodifiableMap(errors);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
