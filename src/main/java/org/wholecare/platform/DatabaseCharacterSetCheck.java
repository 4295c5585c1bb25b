package org.wholecare.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Before Liquibase touches the database: its character set must hold every name people type
 * (utf8mb4: accents, other alphabets, emoji), and so must any table already in it. A database made
 * with latin1 or utf8 (three bytes) would lose or refuse people's names, so start-up stops and says
 * how to fix it. The collation is the changelog's business (it sets one of its own).
 */
@Component
class DatabaseCharacterSetCheck implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !beanName.contains("accessLog")) {
            check(dataSource);
        }
        return bean;
    }

    static void check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String database;
            String characterSet;
            try (ResultSet rs = statement.executeQuery("SELECT DATABASE(), @@character_set_database")) {
                rs.next();
                database = rs.getString(1);
                characterSet = rs.getString(2);
            }
            if (database == null) {
                throw new InstallationProblem("The database address names no database.",
                        "Put the database's name at the end of SPRING_DATASOURCE_URL, for example "
                                + "jdbc:mysql://db.example.org:3306/wholecare.");
            }
            if (!"utf8mb4".equalsIgnoreCase(characterSet)) {
                throw new InstallationProblem("The database '" + database + "' uses the character set " + characterSet
                        + ", which cannot hold every name people type (other alphabets, some accents, emoji).",
                        "Create the database with utf8mb4, for example: CREATE DATABASE `" + database
                                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; or change an empty one with: "
                                + "ALTER DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                }
            }
            if (!tables.isEmpty()) {
                throw new InstallationProblem("Some tables in '" + database + "' cannot hold every name people type: "
                        + String.join(", ", tables) + ".",
                        "Convert each one, for example: ALTER TABLE " + tables.getFirst().split(" ")[0]
                                + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; then start again.");
            }
        } catch (SQLException e) {
            throw new InstallationProblem("The database could not be reached (" + e.getMessage() + ").",
                    "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that "
                            + "the database server is running and lets this machine in.");
        }
    }
}
