package io.tributary.cli.api;

import io.tributary.client.Webhook;
import io.tributary.client.WebhookRequest;
import io.tributary.client.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api webhooks create}: api_framework's new_group_webhook, and account webhooks. The server sends
 * an active webhook a test event first and refuses it (exit 1) when the endpoint does not accept it. The signing
 * secret is never printed, not even by {@code --dry-run}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a webhook for one group or for the whole account.")
final class CreateWebhook implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    @Mixin
    Output output;

    @Mixin
    DryRun dryRun;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    /** Exactly one of: a group's webhook, or the account's. */
    static final class Scope {
        @Option(names = "--group", paramLabel = "GROUP_ID", required = true, description = "Events of this group's connections.")
        String group;

        @Option(names = "--account", required = true, description = "Events of every group in the account.")
        boolean account;
    }

    // --url and --secret are the API's (ApiConnection); these are the webhook's own.
    @Option(names = "--webhook-url", required = true, paramLabel = "URL",
            description = "The endpoint, https:// (http:// only where the server allows it).")
    String url;

    @Option(names = "--event", required = true, split = ",", paramLabel = "EVENT",
            description = "An event to send, e.g. sync_start; repeat or separate with commas.")
    List<String> events = new ArrayList<>();

    @Option(names = "--webhook-secret", arity = "0..1", interactive = true, paramLabel = "SECRET",
            description = "Sign deliveries (X-Fivetran-Signature-256) with this secret; give no value to be prompted.")
    String secret;

    @Option(names = "--inactive", description = "Create it switched off (no test delivery is sent).")
    boolean inactive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        WebhookRequest request = WebhookRequest.create(url, events, !inactive, secret);
        String path = scope.group == null ? "webhooks/account" : "webhooks/group/" + scope.group;
        if (dryRun.print(out, "POST", path, WebhooksCommand.masked(request))) {
            return 0;
        }
        Webhooks webhooks = api.client().webhooks();
        Webhook webhook = scope.group == null ? webhooks.createForAccount(request)
                : webhooks.createForGroup(scope.group, request);
        if (output.json) {
            output.print(out, WebhooksCommand.masked(webhook));
        } else {
            output.table(out, List.of(WebhooksCommand.masked(webhook)), WebhooksCommand.COLUMNS);
        }
        output.done(out, "Created " + webhook.type() + " webhook " + webhook.id() + " for " + String.join(", ",
                webhook.events()) + (webhook.active() ? "" : " (inactive)"));
        return 0;
    }
}
