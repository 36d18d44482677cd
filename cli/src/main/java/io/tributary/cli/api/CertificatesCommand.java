package io.tributary.cli.api;

import picocli.CommandLine.Command;

/** {@code tributary api certificates …}: approving what connections' setup tests meet. */
@Command(name = "certificates", mixinStandardHelpOptions = true,
        description = "TLS certificates and SSH fingerprints of connections.",
        subcommands = ApproveBroken.class)
final class CertificatesCommand {
}
