package org.grassroots.elections.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.grassroots.elections.domain.Organisation;
import org.grassroots.elections.domain.Post;
import org.grassroots.kit.ids.TimeOrderedIds;
import org.grassroots.kit.pagination.Cursor;
import org.grassroots.kit.pagination.Page;
import org.grassroots.kit.pagination.PageRequest;
import org.grassroots.kit.problem.ProblemException;

import java.util.List;
import java.util.UUID;
import org.grassroots.kit.time.SuiteClock;
import java.time.Clock;
import jakarta.inject.Inject;

/** Organisations (councils, parliaments) and their posts (wards, divisions, constituencies). */
@ApplicationScoped
public class OrganisationService {

    @Inject
    Clock clock;

    @Transactional
    public Organisation create(String slug, String name, String organisationType, String gssCode) {
        if (Organisation.count("slug", slug) > 0) {
            throw ProblemException.conflict("organisation-exists", "An organisation with slug " + slug + " exists");
        }
        if (gssCode != null && Organisation.count("gssCode", gssCode) > 0) {
            throw ProblemException.conflict("organisation-exists", "An organisation with GSS code " + gssCode + " exists");
        }
        Organisation organisation = new Organisation();
        organisation.id = TimeOrderedIds.next();
        organisation.slug = slug;
        organisation.name = name;
        organisation.organisationType = organisationType;
        organisation.gssCode = gssCode;
        organisation.createdAt = SuiteClock.timestamp(clock);
        organisation.persist();
        return organisation;
    }

    public Organisation find(UUID id) {
        return Organisation.<Organisation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Organisation " + id));
    }

    public Page<Organisation> list(PageRequest request) {
        List<Organisation> rows = request.after() == null
                ? Organisation.find("order by slug").page(0, request.fetchSize()).list()
                : Organisation.find("slug > ?1 order by slug", request.after().value(0)).page(0, request.fetchSize()).list();
        return request.page(rows, o -> Cursor.of(o.slug));
    }

    @Transactional
    public Post createPost(UUID organisationId, String slug, String name, String kind, String gssCode, int seats) {
        Organisation organisation = Organisation.<Organisation>findByIdOptional(organisationId)
                .orElseThrow(() -> ProblemException.unprocessable("organisation-missing",
                        "Organisation " + organisationId + " does not exist"));
        if (Post.count("organisation = ?1 and slug = ?2", organisation, slug) > 0) {
            throw ProblemException.conflict("post-exists", organisation.name + " has a post " + slug + " already");
        }
        Post post = new Post();
        post.id = TimeOrderedIds.next();
        post.organisation = organisation;
        post.slug = slug;
        post.name = name;
        post.kind = kind;
        post.gssCode = gssCode;
        post.seats = seats;
        post.persist();
        return post;
    }

    public Post findPost(UUID id) {
        return Post.<Post>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Post " + id));
    }

    public Page<Post> posts(PageRequest request, UUID organisationId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (organisationId != null) {
            where.append(" and organisation.id = :organisation");
            params.and("organisation", organisationId);
        }
        if (request.after() != null) {
            where.append(" and (organisation.slug > :org or (organisation.slug = :org and slug > :slug))");
            params.and("org", request.after().value(0)).and("slug", request.after().value(1));
        }
        List<Post> rows = Post.find(where + " order by organisation.slug, slug", params)
                .page(0, request.fetchSize()).list();
        return request.page(rows, p -> Cursor.of(p.organisation.slug, p.slug));
    }
}
