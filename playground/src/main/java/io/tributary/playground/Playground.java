package io.tributary.playground;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running playground: mock APIs with deterministic synthetic data on 127.0.0.1. Start one per test (random port)
 * or one for the CLI ({@code Playground.start(5001)}), move it through days with {@link #setDay(int)}, inject
 * faults with {@link #setFaults(String)}, and {@link #close()} it.
 *
 * <pre>{@code
 * try (Playground pg = Playground.start(0)) {
 *     URI users = pg.uri("/pagination/page_number?per_page=50");
 *     pg.setDay(1);                       // new and updated records appear
 *     pg.setFaults("429:0.2,500:0.1");    // every request may now fail, retries end clean
 * }
 * }</pre>
 */
public final class Playground implements AutoCloseable {
    /** The only address the playground listens on. */
    public static final String HOST = "127.0.0.1";
    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_BASE_DATE = LocalDate.of(2025, 1, 1);

    private static final Logger LOG = LoggerFactory.getLogger(Playground.class);

    private final PlaygroundState state;
    private final Faults faults;
    private final AcceloApi accelo;
    private final ClientCertificateApi certificates;
    private final Javalin app;

    /** Starts a playground with the defaults on {@code port} (0 picks a free port). */
    public static Playground start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link #start()}; every one has a default. */
    public static final class Builder {
        private int port;
        private long seed = DEFAULT_SEED;
        private int day;
        private LocalDate baseDate = DEFAULT_BASE_DATE;
        private FaultSpec faults = FaultSpec.none();
        private Duration tokenTtl = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Seed for all data, ids, tokens and fault decisions (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Day to start on (default 0). */
        public Builder day(int day) {
            this.day = day;
            return this;
        }

        /** Calendar date of day 0 (default 2025-01-01). */
        public Builder baseDate(LocalDate baseDate) {
            this.baseDate = baseDate;
            return this;
        }

        /** Faults applied to every request without its own {@code fault} parameter (default none). */
        public Builder faults(String spec) {
            this.faults = FaultSpec.parse(spec);
            return this;
        }

        /** Lifetime of issued access tokens (default 1 hour). */
        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = ttl;
            return this;
        }

        /** Clock for token expiry and rate-limit windows (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Playground start() {
            return new Playground(this);
        }
    }

    private Playground(Builder b) {
        this.state = new PlaygroundState(b.seed, b.baseDate, b.day, b.faults, b.tokenTtl, b.clock);
        state.setDay(b.day);
        state.setTokenTtl(b.tokenTtl);
        this.faults = new Faults(state);
        this.accelo = new AcceloApi(state);
        UserStore users = new UserStore(state);
        this.certificates = new ClientCertificateApi(users);
        this.app = Javalin.create(config -> configure(config, b.port, users)).start();
        startCertificateServer(b.port == 0 ? 0 : b.port + ClientCertificateApi.PORT_OFFSET);
        LOG.info("Playground listening on {} (seed {}, day {})", baseUrl(), b.seed, b.day);
    }

    private void configure(JavalinConfig config, int port, UserStore users) {
        config.jetty.host = HOST;
        config.jetty.port = port;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.compressionStrategy = CompressionStrategy.NONE; // Content-Length must be the real body length
        accelo.registerRateLimit(config.routes);
        config.routes.before(faults::before);
        config.routes.exception(ApiError.class, (e, ctx) -> Responder.json(ctx, e.status, e.body));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("Playground request {} {} failed", ctx.method(), ctx.path(), e);
            Responder.json(ctx, 500, Map.of("error", "internal_error", "message", String.valueOf(e)));
        });
        new AdminApi(this).register(config.routes);
        new UsersApi(state, users).register(config.routes);
        new AuthApi(state, users).register(config.routes);
        new CsvExport(users).register(config.routes);
        new TimeWindowApi(users).register(config.routes);
        new NestedUsersApi(state, users).register(config.routes);
        new CompaniesApi(state).register(config.routes);
        new OAuthApi(state).register(config.routes);
        new NpsApi(state).register(config.routes);
        new WeatherApi(state).register(config.routes);
        new StocksApi(state).register(config.routes);
        new PokemonApi(state).register(config.routes);
        accelo.register(config.routes);
        new SheetsApi(state).register(config.routes);
        new ToastApi(state).register(config.routes);
        new PostsApi(state).register(config.routes);
        new FxRatesApi(state).register(config.routes);
        new SwapiApi(state).register(config.routes);
        certificates.register(config.routes);
    }

    // A busy HTTPS port costs only the client-certificate endpoint, not the whole playground.
    private void startCertificateServer(int port) {
        try {
            certificates.start(port, baseUrl());
            LOG.info("Client-certificate (mTLS) endpoint on {}/auth/certificate", certificateBaseUrl());
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            LOG.warn("No client-certificate endpoint: cannot listen on {}:{}: {}", HOST, port, e.toString());
        }
    }

    /**
     * {@code https://127.0.0.1:PORT} of the client-certificate (mTLS) endpoint: the playground's port + 442 (5443
     * for 5001), or a free port when the playground's was 0. Its certificates: {@link Credentials#certificateFile}.
     */
    public String certificateBaseUrl() {
        return "https://" + HOST + ":" + certificates.port();
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    /** An absolute URI for a path such as {@code /pagination/offset?limit=50}. */
    public URI uri(String pathAndQuery) {
        return URI.create(baseUrl() + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    public long seed() {
        return state.seed;
    }

    public int day() {
        return state.day();
    }

    /** Moves to another day; the data of every API is then the data of that day (going back is allowed). */
    public void setDay(int day) {
        state.setDay(day);
    }

    public void nextDay() {
        state.setDay(state.day() + 1);
    }

    /** The calendar date of the current day. */
    public LocalDate today() {
        return state.today();
    }

    /** The playground's "now": the end of the current day; every record's timestamps are before it. */
    public Instant now() {
        return state.now(state.day());
    }

    public FaultSpec faults() {
        return state.faults();
    }

    /** Sets the faults for every request without its own {@code fault} parameter; see {@link FaultSpec}. */
    public void setFaults(String spec) {
        setFaults(FaultSpec.parse(spec));
    }

    public void setFaults(FaultSpec spec) {
        state.setFaults(spec);
    }

    public void clearFaults() {
        state.setFaults(FaultSpec.none());
    }

    /** How many faults of each kind were injected since start or the last {@link #resetFaultCounters()}. */
    public Map<String, Long> injectedFaults() {
        return faults.injectedCounts();
    }

    /** Forgets attempt numbers, so the same requests see the same faults as on a fresh playground. */
    public void resetFaultCounters() {
        faults.resetCounters();
    }

    public Duration tokenTtl() {
        return state.tokenTtl();
    }

    /** Lifetime of access tokens issued from now on. */
    public void setTokenTtl(Duration ttl) {
        state.setTokenTtl(ttl);
    }

    /** Expires every access token issued so far; clients must get a new one. */
    public void expireTokens() {
        state.tokens.expireAll();
    }

    /** Accelo's hourly request limit (default 5000). */
    public void setAcceloRateLimit(int requestsPerHour) {
        accelo.setRateLimit(requestsPerHour);
    }

    /** Back to day 0 with no faults, no tokens and fresh fault counters. */
    public void reset() {
        state.setDay(0);
        state.setFaults(FaultSpec.none());
        state.tokens.clear();
        faults.resetCounters();
    }

    /** Stops the server. */
    @Override
    public void close() {
        certificates.close();
        app.stop();
    }
}
