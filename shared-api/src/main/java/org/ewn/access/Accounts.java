package org.ewn.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The network's members and accounts, kept in MongoDB and looked up by {@code _id} only. The member
 * list is small (a network has tens of members), so listing it reads the whole collection.
 */
public class Directory {

    public static final String MEMBERS = "members";
    public static final String ACCOUNTS = "accounts";

    private final MongoCollection<Document> members;
    private final MongoCollection<Document> accounts;

    public Directory(MongoDatabase database) {
        this.members = database.getCollection(MEMBERS);
        this.accounts = database.getCollection(ACCOUNTS);
    }

    public Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first()).map(Directory::toAccount);
    }

    public boolean hasAccount(String username) {
        return accounts.find(Filters.eq("_id", username)).first() != null;
    }

    public void save(Account account) {
        Document document = new Document("_id", account.username())
                .append("passwordHash", account.passwordHash())
                .append("agency", account.agency().value())
                .append("roles", account.roles().stream().map(Enum::name).sorted().toList())
                .append("demo", account.demo());
        accounts.replaceOne(Filters.eq("_id", account.username()), document, new ReplaceOptions().upsert(true));
    }

    public void save(Member member) {
        Document document = new Document("_id", member.code().value())
                .append("name", member.name())
                .append("kind", member.kind().name())
                .append("demo", member.demo());
        members.replaceOne(Filters.eq("_id", member.code().value()), document, new ReplaceOptions().upsert(true));
    }

    public List<Member> members() {
        List<Member> result = new ArrayList<>();
        for (Document d : members.find()) {
            result.add(new Member(new MemberCode(d.getString("_id")), d.getString("name"),
                    Member.Kind.valueOf(d.getString("kind")), d.getBoolean("demo", false)));
        }
        result.sort((a, b) -> a.code().compareTo(b.code()));
        return result;
    }

    public Set<MemberCode> memberCodes() {
        return members().stream().map(Member::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Account toAccount(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : d.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(role));
        }
        return new Account(d.getString("_id"), d.getString("passwordHash"), new AgencyCode(d.getString("agency")),
                roles, d.getBoolean("demo", false));
    }
}
