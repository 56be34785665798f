package org.ewn.deploy.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A collection's documents as the store writes them to its file: in BSON, the form they came over the wire in, rather
 * than with Java serialization, H2's way for a class it does not know. Java serialization wrote the class descriptions
 * of the document and its maps again with every document, and read them back through reflection; H2 writes every
 * document of a page whenever the page changes and again whenever its housekeeping moves the page, so that cost was
 * paid at every commit and all the time under load.
 * <p>
 * A document is read in either form. The Java-serialized one is H2's own, byte for byte, so that a file written before
 * reads as it is, and its documents move to BSON as their pages are written again. A document holding a value BSON
 * has no type for, which no collection of the network has, is still written in that form.
 * <p>
 * One instance serves one map: the memory H2 accounts for a document, by which it sizes pages and fills its cache, is
 * a moving average of that map's documents, twice their encoded size, as H2 counts serialized objects.
 */
final class DocumentType extends BasicDataType<Document> {

    /** H2's marker of a Java-serialized object ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
    static final byte SERIALIZED = 19;
    /** A marker H2's {@link ObjectDataType} does not use. */
    static final byte BSON = 127;

    /** Documents of a page are mostly written by one thread, the store's serializer, one after another. */
    private static final ThreadLocal<ByteBuf> ENCODED = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));
    /** A thread's buffer grown beyond this is not used for the next document. */
    private static final int KEPT_BUFFER = 64 * 1024;

    private volatile int averageMemory = 1024;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        try {
            ByteBuf encoded = inBson(document);
            buffer.put(BSON).put(encoded.array(), encoded.arrayOffset(), encoded.readableBytes());
            counted(encoded.readableBytes());
        } catch (IllegalArgumentException notBson) {
            byte[] serialized = ObjectDataType.serialize(document);
            buffer.put(SERIALIZED).putVarInt(serialized.length).put(serialized);
            counted(serialized.length);
        }
    }

    /**
     * The document in BSON, in this thread's buffer, valid until the thread's next call; throws
     * {@link IllegalArgumentException} for a value BSON has no type for.
     */
    static ByteBuf inBson(Document document) {
        ByteBuf encoded = ENCODED.get();
        if (encoded.capacity() > KEPT_BUFFER) {
            encoded = Unpooled.buffer(1024);
            ENCODED.set(encoded);
        }
        encoded.clear();
        BsonEncoder.encodeDocument(document, encoded);
        return encoded;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte form = buffer.get();
        if (form == BSON) {
            ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
            Document document = BsonDecoder.decodeBson(bson);
            buffer.position(buffer.position() + bson.readerIndex());
            counted(bson.readerIndex());
            return document;
        }
        if (form == SERIALIZED) {
            byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(serialized);
            counted(serialized.length);
            return (Document) ObjectDataType.deserialize(serialized);
        }
        throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "Unknown document form {0}", form);
    }

    private void counted(int encodedSize) {
        averageMemory = (int) ((2L * encodedSize + 15L * averageMemory) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Documents are values, never ordered; equal documents compare as 0, others by their BSON. */
    @Override
    public int compare(Document a, Document b) {
        if (a.equals(b)) {
            return 0;
        }
        byte[] first = ByteBufUtil.getBytes(inBson(a));
        return Arrays.compareUnsigned(first, ByteBufUtil.getBytes(inBson(b)));
    }
}
