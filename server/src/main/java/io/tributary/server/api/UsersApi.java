package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.api.model.User;
import io.tributary.api.model.UserRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.UserStore;
import io.tributary.server.store.UserStore.Profile;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /v1/users}: list, invite, details, update, delete, and removing a user's account role. Users are records
 * kept through the API; nobody logs in as one, so they stay invited, unverified and never logged in.
 */
public final class UsersApi {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile(
            "\\+?[0-9 ().\\-]*[0-9][0-9 ().\\-]*(\\s*(x|ext\\.?)\\s*[0-9]+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PICTURE_URL = Pattern.compile("https?://\\S+");
    private static final Pattern PICTURE_BASE64 = Pattern.compile(
            "(data:image/[A-Za-z0-9.+\\-]+;base64,)?[A-Za-z0-9+/=\\s]+");
    /** An avatar, not a photo: a quarter of a megabyte of URL or base64 text. */
    private static final int MAX_PICTURE = 262_144;
    private static final List<String> UPDATABLE = List.of("given_name", "family_name", "phone", "picture", "role");

    private final UserStore users;

    public UsersApi(UserStore users) {
        this.users = users;
    }

    public void register(Router router) {
        router.get("/v1/users", ctx -> {
            Paging paging = Paging.of(ctx);
            Json.page(ctx, paging.page(users.list(activeFilter(ctx), paging.skip(), paging.fetch())));
        });
        router.post("/v1/users", Permission.MANAGE_ACCOUNT, this::invite);
        router.get("/v1/users/{userId}", ctx -> Json.ok(ctx, require(ctx.pathParam("userId"))));
        router.patch("/v1/users/{userId}", Permission.MANAGE_ACCOUNT, this::update);
        router.delete("/v1/users/{userId}", Permission.MANAGE_ACCOUNT, this::delete);
        router.delete("/v1/users/{userId}/role", Permission.MANAGE_ACCOUNT, this::removeRole);
    }

    /** The user, or 404 {@code NotFound_User}. */
    public User require(String id) {
        return users.find(id).orElseThrow(() -> ApiException.notFound("User", id));
    }

    /** The user with this email (any case), or 404 {@code NotFound_User}. */
    public User requireByEmail(String email) {
        return users.findByEmail(email).orElseThrow(() ->
                new ApiException(404, "NotFound_User", "User with email '" + email + "' doesn't exist"));
    }

    /** The {@code active} filter of user lists: true, false, or absent for both. */
    static Boolean activeFilter(Context ctx) {
        String active = ctx.queryParam("active");
        if (active == null || active.isEmpty()) {
            return null;
        }
        if (active.equalsIgnoreCase("true") || active.equalsIgnoreCase("false")) {
            return Boolean.valueOf(active);
        }
        throw ApiException.invalid("Invalid 'active': must be true or false, got '" + active + "'");
    }

    private void invite(Context ctx) {
        UserRequest req = Json.body(ctx, UserRequest.class);
        String email = email(req.email());
        Profile profile = new Profile(TextFields.required("given_name", req.givenName(), 256),
                TextFields.required("family_name", req.familyName(), 256), phone(req.phone()), picture(req.picture()),
                RoleField.ACCOUNT.optional(req.role()));
        try {
            Json.created(ctx, "User has been invited to the account", users.invite(email, profile));
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("A user with email '" + email + "' already exists");
        }
    }

    /** Absent fields stay; {@code phone} and {@code picture} are cleared by null or "". */
    private void update(Context ctx) {
        User old = require(ctx.pathParam("userId"));
        ObjectNode body = Json.body(ctx);
        UserRequest req = Json.body(ctx, UserRequest.class);
        if (req.email() != null && !req.email().trim().equalsIgnoreCase(old.email())) {
            throw ApiException.invalid("Field 'email' cannot be changed; invite a user with the new address instead");
        }
        if (UPDATABLE.stream().noneMatch(body::has)) {
            throw ApiException.invalid("Set at least one of 'given_name', 'family_name', 'phone', 'picture', 'role'");
        }
        Profile profile = new Profile(
                req.givenName() == null ? old.givenName() : TextFields.required("given_name", req.givenName(), 256),
                req.familyName() == null ? old.familyName() : TextFields.required("family_name", req.familyName(), 256),
                body.has("phone") ? phone(req.phone()) : old.phone(),
                body.has("picture") ? picture(req.picture()) : old.picture(),
                req.role() == null ? old.role() : RoleField.ACCOUNT.require(req.role()));
        Json.ok(ctx, "User has been updated", users.update(old.id(), profile)
                .orElseThrow(() -> ApiException.notFound("User", old.id())));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("userId");
        if (!users.delete(id)) {
            throw ApiException.notFound("User", id);
        }
        Json.message(ctx, "User with id '" + id + "' has been deleted");
    }

    /** The user stays in the account, in their teams, groups and connections, without an account role. */
    private void removeRole(Context ctx) {
        User user = require(ctx.pathParam("userId"));
        users.update(user.id(), new Profile(user.givenName(), user.familyName(), user.phone(), user.picture(), null));
        Json.message(ctx, "User role in account has been removed");
    }

    private static String email(String value) {
        String email = TextFields.required("email", value, 320);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalid("Field 'email' must be an email address, got '" + email + "'");
        }
        return email;
    }

    private static String phone(String value) {
        String phone = TextFields.optional("phone", value, 64);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ApiException.invalid("Field 'phone' must be a phone number: digits, spaces, '+', '(', ')', '-', '.'"
                    + " and an optional extension");
        }
        return phone;
    }

    private static String picture(String value) {
        String picture = TextFields.optional("picture", value, MAX_PICTURE);
        if (picture != null && !PICTURE_URL.matcher(picture).matches() && !PICTURE_BASE64.matcher(picture).matches()) {
            throw ApiException.invalid("Field 'picture' must be an http(s) URL or a base64 image (plain or as a "
                    + "data:image/...;base64, URI)");
        }
        return picture;
    }
}
