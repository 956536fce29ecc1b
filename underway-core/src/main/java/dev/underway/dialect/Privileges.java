package dev.underway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Which of a command's privileges the session's role lacks: read from the catalog, nothing is tried. */
public interface Privileges {
    /**
     * A privilege the role lacks.
     *
     * @param what  the privilege and its object as the engine names them: {@code CREATE on database app}
     * @param grant the statement that grants it (for the one who may)
     */
    record Missing(Privilege need, String what, String grant) {
    }

    /**
     * The needs the role does not hold, in order. Needs on objects that do not exist yet are not judged here (the
     * need to create them is), and a server that does not let its grants be read (MySQL roles, a server without
     * grant tables) is taken at its word: nothing is reported missing that the server might allow.
     */
    List<Missing> missing(Connection c, List<Privilege> needs) throws SQLException;
}
