package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A secondary index on one top-level field that answers ranges of dates, such as the deadline sweeps' {@code {dueAt:
 * {$lte: now}}}, from the documents whose field holds a date, in order. mongo-java-server keeps no secondary index,
 * and answered each sweep by reading every open deadline; the index gives the query the passed ones only.
 * <p>
 * It takes a query of exactly {@code {field: {...}}} with {@code $lt}, {@code $lte}, {@code $gt} and {@code $gte}
 * only, each of a date, and hands the collection the documents whose date lies within them; the collection then
 * matches each against the whole query, as it does for every index. No other document can match: a comparison of
 * dates matches neither a missing field nor a value of another type. A field that holds a list matches if any of its
 * elements does, so while any document holds a list there, the index declines and the collection scans, as without
 * it.
 * <p>
 * The index lives in memory, about a hundred bytes a dated document, and is filled from the collection's documents
 * when the store opens them: it is always what the documents committed say, also after a crash, and costs no write.
 * The collection's lock guards it, as all of a collection's reads and writes hold it.
 */
final class TimeIndex extends Index<Object> {

    private static final String ID = "_id";
    private static final Set<String> RANGES = Set.of("$lt", "$lte", "$gt", "$gte");

    private final String field;
    private final NavigableSet<Entry> dated = new TreeSet<>();
    private long listed;

    /** @param keys one key, not a path into a sub-document ({@link #indexes}) */
    TimeIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    /** Whether this index can keep the keys of a secondary index: one field at the top of the document. */
    static boolean indexes(List<IndexKey> keys) {
        return keys.size() == 1 && !keys.get(0).getKey().contains(".");
    }

    @Override
    public boolean canHandle(Document query) {
        return listed == 0 && query.size() == 1 && query.get(field) instanceof Document range && !range.isEmpty()
               && range.entrySet().stream().allMatch(bound -> RANGES.contains(bound.getKey())
                                                             && bound.getValue() instanceof Instant);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        for (Map.Entry<String, Object> bound : ((Document) query.get(field)).entrySet()) {
            Instant at = (Instant) bound.getValue();
            if (bound.getKey().startsWith("$lt")) {
                to = at.isBefore(to) ? at : to;
            } else {
                from = at.isAfter(from) ? at : from;
            }
        }
        if (from.isAfter(to)) {
            return List.of();
        }
        // both ends taken in: the collection matches each document against the query, strict bounds included
        List<Object> positions = new ArrayList<>();
        for (Entry entry : dated.subSet(Entry.first(from), true, Entry.last(to), true)) {
            positions.add(entry.position);
        }
        return positions;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: any document may be added
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object value = document.get(field);
        if (value instanceof Instant at) {
            dated.add(new Entry(at, position));
        } else if (value instanceof Collection<?>) {
            listed++;
        }
    }

    /** @return the document's {@code _id}, its position in every collection of the store */
    @Override
    public Object remove(Document document) {
        Object position = document.get(ID);
        Object value = document.get(field);
        if (value instanceof Instant at) {
            dated.remove(new Entry(at, position));
        } else if (value instanceof Collection<?>) {
            listed--;
        }
        return position;
    }

    @Override
    public Object getPosition(Document document) {
        // the _id index gives it
        return null;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: any value may be set
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (!Objects.equals(oldDocument.get(field), newDocument.get(field))) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public long getCount() {
        return dated.size() + listed;
    }

    /** The dated documents, those it answers from: what {@code collStats} gives as the index's size. */
    @Override
    public long getDataSize() {
        return dated.size();
    }

    @Override
    public void drop() {
        dated.clear();
        listed = 0;
    }

    /**
     * A dated document: by its date, then by its position. A bound's position is one of two markers that sort before
     * or after every document of its date.
     */
    private record Entry(Instant at, Object position) implements Comparable<Entry> {

        private static final Object FIRST = new Object();
        private static final Object LAST = new Object();

        static Entry first(Instant at) {
            return new Entry(at, FIRST);
        }

        static Entry last(Instant at) {
            return new Entry(at, LAST);
        }

        @Override
        public int compareTo(Entry other) {
            int byDate = at.compareTo(other.at);
            if (byDate != 0 || position == other.position) {
                return byDate;
            }
            if (position == FIRST || other.position == LAST) {
                return -1;
            }
            if (position == LAST || other.position == FIRST) {
                return 1;
            }
            return ValueComparator.asc().compare(position, other.position);
        }
    }
}
