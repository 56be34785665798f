package org.ewn.query.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.ewn.api.member.MemberCode;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A member's name as the directory knows it, for other features that show it. */
@Component
public class MemberNames {

    private final MongoCollection<Document> members;

    MemberNames(MongoDatabase database) {
        this.members = database.getCollection(DirectoryProjection.MEMBERS);
    }

    public Optional<String> of(MemberCode member) {
        return Optional.ofNullable(members.find(Filters.eq("_id", member.value()))
                .projection(Projections.include("name")).first()).map(d -> d.getString("name"));
    }
}
