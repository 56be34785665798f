package org.ewn.protect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the master keys come from in the embedded run: the environment or a file, and the earlier ones. */
public final class MasterKeys {

    private MasterKeys() {
    }

    /** The file that {@code ewn keys rotate} leaves with the previous master key. */
    public static Path previousFile(Path masterKeyFile) {
        return masterKeyFile.resolveSibling(masterKeyFile.getFileName() + ".old");
    }

    public static MasterKey current(ProtectionProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return LocalMasterKey.fromBase64(properties.masterKey());
        }
        Path file = properties.masterKeyFile();
        if (file == null) {
            throw new DataProtectionException("no master key: set ewn.protection.master-key "
                    + "(EWN_PROTECTION_MASTER_KEY) or ewn.protection.master-key-file");
        }
        if (Files.exists(file)) {
            return LocalMasterKey.read(file);
        }
        if (!properties.generateMasterKey()) {
            throw new DataProtectionException("the master key file " + file + " does not exist; restore it, or set "
                    + "ewn.protection.generate-master-key=true for a new network");
        }
        return LocalMasterKey.generate(file);
    }

    public static List<MasterKey> previous(ProtectionProperties properties) {
        List<MasterKey> previous = new ArrayList<>();
        properties.previousMasterKeys().forEach(key -> previous.add(LocalMasterKey.fromBase64(key)));
        properties.previousMasterKeyFiles().forEach(file -> previous.add(LocalMasterKey.read(file)));
        if (properties.masterKeyFile() != null && Files.exists(previousFile(properties.masterKeyFile()))) {
            previous.add(LocalMasterKey.read(previousFile(properties.masterKeyFile())));
        }
        return previous;
    }

    /** Overwrites and deletes a key file that nothing needs any more. */
    public static void destroy(Path file) {
        try {
            if (Files.exists(file)) {
                long size = Files.size(file);
                Files.write(file, new byte[(int) size]);
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new DataProtectionException("cannot destroy " + file, e);
        }
    }
}
