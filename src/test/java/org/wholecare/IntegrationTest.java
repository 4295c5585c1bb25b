package org.wholecare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a real (embedded) MariaDB, with a clock the test can move and the small area
 * {@link TestArea} to start from (the Northbrook demo is off). All integration tests share this one
 * setup so the server starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClock.Configuration.class, TestArea.Configuration.class, TestMail.Configuration.class})
public @interface IntegrationTest {
}
