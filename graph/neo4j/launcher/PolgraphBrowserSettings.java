import static org.neo4j.configuration.SettingImpl.newBuilder;
import static org.neo4j.configuration.SettingValueParsers.BOOL;

import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/**
 * Declares {@code browser.allow_outgoing_connections}, which Neo4j Browser reads through
 * {@code dbms.clientConfig()} to decide whether it may fetch from the internet.
 *
 * <p>Community 5.26 lists the name in that procedure but declares it only in Enterprise, and
 * a setting nobody declares can be neither written in neo4j.conf nor reported to the browser.
 * Loaded by Neo4j's service loader through META-INF/services, next to this class.
 */
public final class PolgraphBrowserSettings implements SettingsDeclaration {
    @Description("Whether Neo4j Browser may fetch content from outside this machine.")
    public static final Setting<Boolean> allow_outgoing_connections =
            newBuilder("browser.allow_outgoing_connections", BOOL, false).build();
}
