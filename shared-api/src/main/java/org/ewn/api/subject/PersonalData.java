package org.ewn.api.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the network knows about a person, in clear: it exists only inside {@link ProtectedData} and in the answers
 * to those entitled to read it. Dates of birth may be partial ({@code 2015}, {@code 2015-03}), as they often are for
 * people returned from conflict zones. {@link #toString()} never shows the data, so it cannot reach a log by accident.
 *
 * @param otherNames    aliases, maiden names, other transliterations
 * @param sex           F, M or X
 * @param nationalities ISO 3166 country codes
 * @param description   free text about the person
 * @param photos        photographs, referenced by hash: the hash itself is personal data, so it stays inside
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PersonalData(String name,
                           List<String> otherNames,
                           String dateOfBirth,
                           String sex,
                           List<String> nationalities,
                           List<IdentityDocument> documents,
                           String description,
                           List<Photo> photos) {

    private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public PersonalData {
        text("name", name, 200);
        otherNames = list("otherNames", otherNames, 20);
        otherNames.forEach(other -> text("otherNames[]", other, 200));
        if (dateOfBirth != null && !DATE.matcher(dateOfBirth).matches()) {
            throw new IllegalArgumentException("dateOfBirth must be YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (sex != null && !sex.matches("[FMX]")) {
            throw new IllegalArgumentException("sex must be F, M or X");
        }
        nationalities = list("nationalities", nationalities, 5);
        if (nationalities.stream().anyMatch(c -> c == null || !COUNTRY.matcher(c).matches())) {
            throw new IllegalArgumentException("nationalities must be ISO 3166 codes such as KZ or KAZ");
        }
        documents = list("documents", documents, 10);
        text("description", description, 10_000);
        photos = list("photos", photos, 10);
        if (name == null && description == null && documents.isEmpty() && photos.isEmpty()) {
            throw new IllegalArgumentException("give at least a name, a description, a document or a photo");
        }
    }

    /** Reads the decrypted JSON strictly: unknown fields and malformed values are refused, naming the field only. */
    public static PersonalData parse(byte[] json) {
        try {
            return STRICT.readValue(json, PersonalData.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException invalid) {
                throw new IllegalArgumentException(invalid.getMessage(), null);
            }
            String field = e.getPath().isEmpty() ? "" : " in field \"" + e.getPath().get(0).getFieldName() + "\"";
            throw new IllegalArgumentException("the personal data is not valid" + field, null);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the personal data is not JSON", null);
        }
    }

    public byte[] toJson() {
        try {
            return STRICT.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("personal data cannot be written as JSON", null);
        }
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }

    private static void text(String field, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters");
        }
    }

    private static <T> List<T> list(String field, List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max || values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(field + " takes at most " + max + " entries, none null");
        }
        return List.copyOf(values);
    }

    /** @param type passport, identity card, birth certificate… @param issuingState ISO 3166 code */
    public record IdentityDocument(String type, String number, String issuingState) {

        public IdentityDocument {
            text("documents[].type", type, 50);
            text("documents[].number", number, 50);
            if (type == null || number == null) {
                throw new IllegalArgumentException("documents[] need a type and a number");
            }
            if (issuingState != null && !COUNTRY.matcher(issuingState).matches()) {
                throw new IllegalArgumentException("documents[].issuingState must be an ISO 3166 code");
            }
        }

        @Override
        public String toString() {
            return "IdentityDocument[redacted]";
        }
    }

    public record Photo(String sha256, String mediaType) {

        public Photo {
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("photos[].sha256 must be 64 lowercase hex digits");
            }
            text("photos[].mediaType", mediaType, 100);
        }

        @Override
        public String toString() {
            return "Photo[redacted]";
        }
    }
}
