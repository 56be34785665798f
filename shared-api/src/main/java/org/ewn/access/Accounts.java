package org.ewn.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.ewn.api.member.AgencyCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts that may call the network, kept in MongoDB and looked up by {@code _id} only. Members, agencies and
 * their keys are the membership's events and read models, not accounts.
 */
public class Accounts {

    public static final String ACCOUNTS = "accounts";

    private final MongoCollection<Document> accounts;

    public Accounts(MongoDatabase database) {
        this.accounts = database.getCollection(ACCOUNTS);
    }

    public Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first()).map(Accounts::toAccount);
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

    private static Account toAccount(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : d.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(role));
        }
        return new Account(d.getString("_id"), d.getString("passwordHash"), new AgencyCode(d.getString("agency")),
                roles, d.getBoolean("demo", false));
    }
}
