package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.server.auth.Permission;
import io.tributary.server.connections.Secrets;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Ids;
import io.tributary.server.store.WebhookStore;
import io.tributary.server.store.WebhookStore.Row;
import io.tributary.server.webhooks.WebhookDelivery;
import io.tributary.server.webhooks.WebhookEvents;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /v1/webhooks}: account and group webhooks, list, details, update, delete, and a test that really POSTs a
 * signed sample event. As in Fivetran, creating or activating a webhook first sends it a {@code test_event} and
 * fails with 400 when the endpoint does not accept it (create with {@code active: false} to skip that). Account
 * webhooks need the account permission, group webhooks the destination one.
 */
public final class WebhooksApi {
    private final WebhookStore webhooks;
    private final GroupsApi groups;
    private final WebhookDelivery delivery;
    private final boolean allowHttp;

    /** A webhook as the API shows it: the secret, when set, is always masked. */
    public record View(String id, String type, String url, List<String> events, boolean active, String secret,
                       String groupId, String createdAt, String createdBy) {
        static View of(Row r) {
            return new View(r.id(), r.type(), r.url(), r.events(), r.active(), r.secret() == null ? null : Secrets.MASK,
                    r.groupId(), ApiJson.timestamp(r.createdAt()), r.createdBy());
        }
    }

    /** Create and update bodies; {@code run_tests: false} skips the test delivery (go-fivetran sends it). */
    public record WebhookRequest(String url, List<String> events, Boolean active, String secret, Boolean runTests) {
    }

    public record TestRequest(String event) {
    }

    public WebhooksApi(WebhookStore webhooks, GroupsApi groups, WebhookDelivery delivery, boolean allowHttp) {
        this.webhooks = webhooks;
        this.groups = groups;
        this.delivery = delivery;
        this.allowHttp = allowHttp;
    }

    public void register(Router router) {
        router.get("/v1/webhooks", this::list);
        router.post("/v1/webhooks/account", Permission.MANAGE_ACCOUNT, ctx -> create(ctx, null));
        router.post("/v1/webhooks/group/{groupId}", Permission.MANAGE_DESTINATIONS,
                ctx -> create(ctx, groups.require(ctx.pathParam("groupId")).id()));
        router.get("/v1/webhooks/{webhookId}", ctx -> Json.ok(ctx, View.of(require(ctx.pathParam("webhookId")))));
        router.patch("/v1/webhooks/{webhookId}", Permission.MANAGE_DESTINATIONS, this::update);
        router.delete("/v1/webhooks/{webhookId}", Permission.MANAGE_DESTINATIONS, this::delete);
        router.post("/v1/webhooks/{webhookId}/test", Permission.MANAGE_DESTINATIONS, this::test);
    }

    private Row require(String id) {
        return webhooks.find(id).orElseThrow(() -> ApiException.notFound("Webhook", id));
    }

    /** The webhook to change; an account webhook also needs the account permission. */
    private Row requireWritable(Context ctx) {
        Row row = require(ctx.pathParam("webhookId"));
        if (row.groupId() == null && !Router.caller(ctx).role().allows(Permission.MANAGE_ACCOUNT)) {
            throw new ApiException(403, "Forbidden", "The API key's role (" + Router.caller(ctx).role().title()
                    + ") does not allow changing account webhooks");
        }
        return row;
    }

    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(webhooks.list(paging.skip(), paging.fetch()).stream().map(View::of).toList()));
    }

    private void create(Context ctx, String groupId) {
        WebhookRequest req = Json.body(ctx, WebhookRequest.class);
        String url = url(req.url());
        List<String> events = WebhookEvents.check(req.events(), "events");
        boolean active = !Boolean.FALSE.equals(req.active());
        String secret = req.secret() == null || req.secret().isEmpty() ? null : newSecret(req.secret());
        if (active && !Boolean.FALSE.equals(req.runTests())) {
            checkEndpoint(url, secret);
        }
        Row row = new Row(Ids.next(), groupId == null ? "account" : "group", groupId, url, events, active, secret,
                Instant.now(), Router.caller(ctx).key());
        webhooks.insert(row);
        Json.ok(ctx, groupId == null ? "Account webhook has been created" : "Group webhook has been created",
                View.of(require(row.id())));
    }

    private void update(Context ctx) {
        Row old = requireWritable(ctx);
        WebhookRequest req = Json.body(ctx, WebhookRequest.class);
        String url = req.url() == null ? old.url() : url(req.url());
        List<String> events = req.events() == null ? old.events() : WebhookEvents.check(req.events(), "events");
        boolean active = req.active() == null ? old.active() : req.active();
        // The mask a client read back keeps the secret; an empty one removes it.
        String secret = req.secret() == null || Secrets.isMask(req.secret()) ? old.secret()
                : req.secret().isEmpty() ? null : newSecret(req.secret());
        boolean retest = Boolean.TRUE.equals(req.runTests())
                || req.runTests() == null && (!old.active() || !url.equals(old.url()));
        if (active && retest) {
            checkEndpoint(url, secret);
        }
        webhooks.update(old.with(url, events, active, secret));
        Json.ok(ctx, "Webhook has been updated", View.of(require(old.id())));
    }

    private void delete(Context ctx) {
        Row row = requireWritable(ctx);
        webhooks.delete(row.id());
        Json.message(ctx, "Webhook with id '" + row.id() + "' has been deleted");
    }

    private void test(Context ctx) {
        Row row = requireWritable(ctx);
        String event = Json.body(ctx, TestRequest.class).event();
        if (event == null || event.isBlank()) {
            throw ApiException.required("event");
        }
        WebhookEvents.check(List.of(event), "event");
        WebhookDelivery.Result result = delivery.post(row.url(), row.secret(), WebhookEvents.samplePayload(event,
                row.groupId()));
        Json.ok(ctx, result.succeed() ? "Webhook test completed successfully" : "Webhook test failed", result);
    }

    private void checkEndpoint(String url, String secret) {
        WebhookDelivery.Result result = delivery.post(url, secret, WebhookEvents.activationPayload());
        if (!result.succeed()) {
            throw ApiException.invalid("Field 'url': the endpoint did not accept the test event (" + result.message()
                    + "); fix the endpoint, or create the webhook with \"active\": false");
        }
    }

    /** An absolute https:// URL with a host (http:// too when the server allows it). */
    private String url(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.required("url");
        }
        String url = value.trim();
        String scheme;
        String host;
        try {
            URI uri = new URI(url);
            scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            host = uri.getHost();
        } catch (URISyntaxException e) {
            throw ApiException.invalid("Field 'url' is not a valid URL: " + e.getMessage());
        }
        boolean schemeOk = scheme.equals("https") || allowHttp && scheme.equals("http");
        if (!schemeOk || host == null || host.isEmpty() || url.length() > 2048) {
            throw ApiException.invalid("Field 'url' must be an absolute https:// URL of at most 2048 characters"
                    + (allowHttp ? " (or http://)" : "; http:// is accepted only when the server runs with "
                    + "--allow-http-webhooks") + ", got '" + url + "'");
        }
        return url;
    }

    private static String newSecret(String secret) {
        if (Secrets.isMask(secret)) {
            throw ApiException.invalid("Field 'secret' is the mask '******', not a secret");
        }
        if (secret.length() > 1024) {
            throw ApiException.invalid("Field 'secret' must be at most 1024 characters");
        }
        return secret;
    }
}
