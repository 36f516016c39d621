import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs the Neo4j Community engine with its Bolt connector, configured from a neo4j.conf file.
 *
 * <p>The Neo4j server distribution is not published as a download on Maven Central, but the
 * engine and the Bolt server are: this is Neo4j's documented "embedded, accessed via Bolt"
 * set-up, the same engine and protocol. Usage: {@code PolgraphNeo4j HOME CONF [PASSWORD_FILE]}.
 * With a password file, its password is set for user neo4j before Bolt is announced ready, so
 * the default password never answers; polgraph passes it until one start has applied it, as
 * the admin command costs a cold JVM some twenty seconds.
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
        DatabaseManagementService service =
                new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    service.shutdown();
                                    stopped.countDown();
                                }));
        if (passwordFile != null) {
            setPassword(service, Files.readString(passwordFile).strip());
        }
        System.out.println("polgraph-neo4j: ready");
        System.out.flush();
        stopped.await();
    }

    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database("system")
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
