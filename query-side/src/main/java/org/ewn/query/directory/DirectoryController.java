package org.ewn.query.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.query.directory.DirectoryViews.AgencySummary;
import org.ewn.query.directory.DirectoryViews.AgencyView;
import org.ewn.query.directory.DirectoryViews.GroupView;
import org.ewn.query.directory.DirectoryViews.MemberSummary;
import org.ewn.query.directory.DirectoryViews.MemberView;
import org.ewn.query.directory.DirectoryViews.NetworkView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The membership directory, for every authenticated account of the network (the security filter chain requires one
 * on {@code /api/**}). GET only, per method: the command side takes the signed POSTs on the same paths. The directory
 * is small, so listings read whole collections; single entries are read by {@code _id}.
 */
@RestController
class DirectoryController {

    private static final Bson MEMBER_ONLY = Projections.include("member");
    private static final Bson WITHOUT_KEYS = Projections.exclude("keys");

    private final MongoCollection<Document> network;
    private final MongoCollection<Document> groups;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> agencies;
    private final Clock clock;

    /** The query side alone has no clock bean; the all-in-one application shares the command side's. */
    @Autowired
    DirectoryController(MongoDatabase database, ObjectProvider<Clock> clock) {
        this(database, clock.getIfAvailable(Clock::systemUTC));
    }

    DirectoryController(MongoDatabase database, Clock clock) {
        this.network = database.getCollection(DirectoryProjection.NETWORK);
        this.members = database.getCollection(DirectoryProjection.MEMBERS);
        this.agencies = database.getCollection(DirectoryProjection.AGENCIES);
        this.groups = database.getCollection(DirectoryProjection.GROUPS);
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/network", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The network: its name and root certificate with the root's SHA-256 fingerprint",
            security = @SecurityRequirement(name = "basic"))
    NetworkView network() {
        Document founded = network.find().first();
        if (founded == null) {
            throw notFound("The network is not founded yet");
        }
        return DirectoryDocuments.network(founded);
    }

    @GetMapping(path = "/api/v1/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All members, by code, with their agencies' codes",
            security = @SecurityRequirement(name = "basic"))
    List<MemberSummary> members() {
        Map<String, List<String>> agenciesByMember = new TreeMap<>();
        for (Document agency : agencies.find().projection(MEMBER_ONLY).sort(Sorts.ascending("_id"))) {
            agenciesByMember.computeIfAbsent(agency.getString("member"), m -> new ArrayList<>())
                    .add(agency.getString("_id"));
        }
        List<MemberSummary> found = new ArrayList<>();
        for (Document member : members.find().sort(Sorts.ascending("_id"))) {
            found.add(DirectoryDocuments.memberSummary(member,
                    agenciesByMember.getOrDefault(member.getString("_id"), List.of())));
        }
        return found;
    }

    @GetMapping(path = "/api/v1/members/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One member with its CA certificate and its agencies",
            security = @SecurityRequirement(name = "basic"))
    MemberView member(@PathVariable String code) {
        MemberCode member = MemberCode.of(code);
        Document found = members.find(Filters.eq("_id", member.value())).first();
        if (found == null) {
            throw notFound("No member " + member + " in the directory");
        }
        return DirectoryDocuments.member(found, agencySummaries(Filters.eq("member", member.value())));
    }

    @GetMapping(path = "/api/v1/groups", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The address groups, by code, with their members",
            security = @SecurityRequirement(name = "basic"))
    List<GroupView> groups() {
        List<GroupView> found = new ArrayList<>();
        for (Document group : groups.find().sort(Sorts.ascending("_id"))) {
            found.add(DirectoryDocuments.group(group));
        }
        return found;
    }

    @GetMapping(path = "/api/v1/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All agencies by code, or only those of one member (?member=KZ)",
            security = @SecurityRequirement(name = "basic"))
    List<AgencySummary> agencies(@RequestParam(required = false) String member) {
        return agencySummaries(member == null ? new Document() : Filters.eq("member", MemberCode.of(member).value()));
    }

    @GetMapping(path = "/api/v1/agencies/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One agency with all its keys, current and past, each with its status now",
            security = @SecurityRequirement(name = "basic"))
    AgencyView agency(@PathVariable String code) {
        AgencyCode agency = new AgencyCode(code);
        Document found = agencies.find(Filters.eq("_id", agency.value())).first();
        if (found == null) {
            throw notFound("No agency " + agency + " in the directory");
        }
        return DirectoryDocuments.agency(found, clock.instant());
    }

    private List<AgencySummary> agencySummaries(Bson filter) {
        List<AgencySummary> found = new ArrayList<>();
        for (Document agency : agencies.find(filter).projection(WITHOUT_KEYS).sort(Sorts.ascending("_id"))) {
            found.add(DirectoryDocuments.agencySummary(agency));
        }
        return found;
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(ProblemTypes.NOT_FOUND, 404,
                detail + "; it may not exist or not be projected yet");
    }
}
