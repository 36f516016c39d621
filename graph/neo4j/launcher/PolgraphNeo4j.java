import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs the Neo4j Community server, configured from a neo4j.conf file, as the packaged server
 * does: Bolt and the HTTP connector, which serves Neo4j Browser from the classpath.
 *
 * <p>Maven Central publishes no server archive, but it does publish the server's jars,
 * bootstrapper included: this is the packaged server's own start-up code, minus its shell
 * scripts. Usage: {@code PolgraphNeo4j HOME CONF [PASSWORD_FILE]}. With a password file, its
 * password is set for user neo4j before the server is announced ready, so the default
 * password never answers; polgraph passes it until one start has applied it, as the admin
 * command costs a cold JVM some twenty seconds.
 */
public final class PolgraphNeo4j {
    private static final String SAME_PASSWORD = "Old password and new password cannot be the same";

    private PolgraphNeo4j() {}

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: PolgraphNeo4j HOME CONF [PASSWORD_FILE]");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? Path.of(args[2]) : null);
        } catch (Exception error) {
            System.err.println("polgraph-neo4j: failed: " + error);
            System.exit(1);
        }
    }

    private static void run(Path home, Path conf, Path passwordFile) throws Exception {
        CommunityBootstrapper server = new CommunityBootstrapper();
        // No $(...) command expansion in the conf; console mode (not daemon): the server logs
        // to standard output, which polgraph keeps as console.log and reads for readiness.
        int code = server.start(home, conf, Map.of(), false, false);
        if (code != 0) {
            System.out.println("polgraph-neo4j: failed: the server exited with code " + code);
            System.exit(code);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.stop();
                                    stopped.countDown();
                                }));
        if (passwordFile != null) {
            setPassword(server, Files.readString(passwordFile).strip());
        }
        System.out.println("polgraph-neo4j: ready");
        System.out.flush();
        stopped.await();
    }

    private static void setPassword(CommunityBootstrapper server, String password) {
        try {
            server.getDatabaseManagementService()
                    .database("system")
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } catch (QueryExecutionException error) {
            if (!String.valueOf(error.getMessage()).contains(SAME_PASSWORD)) {
                throw error;
            }
        }
    }
}
