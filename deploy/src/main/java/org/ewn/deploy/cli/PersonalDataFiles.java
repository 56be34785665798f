package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.SubjectCipher;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads people's personal data from JSON files and encrypts each under a fresh key of that person alone. */
final class PersonalDataFiles {

    private PersonalDataFiles() {
    }

    static Encrypted encrypt(List<Path> files) {
        ArrayNode subjects = Json.MAPPER.createArrayNode();
        Map<String, String> keys = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            ObjectNode json = read(file);
            UUID subject = subject(json, file);
            json.remove("subject");
            PersonalData data;
            try {
                data = PersonalData.parse(json.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(file + ": " + e.getMessage());
            }
            SecretKey key = SubjectCipher.newKey();
            String keyId = SubjectCipher.newKeyId();
            ProtectedData sealed = SubjectCipher.encrypt(subject, keyId, key, data);
            subjects.add(Json.object().put("subject", subject.toString()).put("keyId", keyId)
                    .put("iv", sealed.iv()).put("ciphertext", sealed.ciphertext()));
            keys.put(keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded()));
            ids.add(subject);
        }
        return new Encrypted(subjects, keys, ids);
    }

    private static ObjectNode read(Path file) {
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static UUID subject(ObjectNode json, Path file) {
        String id = Json.text(json, "subject");
        if (id == null) {
            return UUID.randomUUID();
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": \"subject\" must be the person's id, a UUID", e);
        }
    }

    /** @param ids the subjects, in the order of the files, so that a new person's id can be kept for next time */
    record Encrypted(ArrayNode subjects, Map<String, String> keys, List<UUID> ids) {
    }
}
