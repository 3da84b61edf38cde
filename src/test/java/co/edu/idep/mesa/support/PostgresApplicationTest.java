package co.edu.idep.mesa.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on PostgreSQL (the production profile's database settings), on a random port,
 * with the demo users (password {@code demo}, administrator {@code admin}); run by CI ({@code -Pci},
 * tag {@code postgres}). The class names its database with a {@code @DynamicPropertySource} (usually
 * {@link PostgresDatabase#fresh}) and adds any other property with {@code @TestPropertySource}.
 *
 * <p>Closed after the class: one engine per JVM is registered as "default" for the REST API and the
 * webapps, and the shared application ({@link ApplicationTest}) must get it back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "MESA_ADMIN_PASSWORD=demo"})
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PostgresApplicationTest {}
