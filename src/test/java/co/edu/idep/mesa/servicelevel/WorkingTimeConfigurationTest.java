package co.edu.idep.mesa.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Binding {@code mesa.working-time} without starting the application. */
class WorkingTimeConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(WorkingTimeConfiguration.class);

  @Test
  void without_properties_the_institute_s_hours_apply() {
    runner.run(context -> {
      assertThat(context.getBean(WorkingTimeProperties.class)).isEqualTo(WorkingTimeProperties.defaults());
      WorkingTimeProperties properties = context.getBean(WorkingTimeProperties.class);
      assertThat(properties.zone()).isEqualTo(ZoneId.of("America/Bogota"));
      assertThat(properties.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      assertThat(properties.opens()).isEqualTo(LocalTime.of(7, 0));
      assertThat(properties.closes()).isEqualTo(LocalTime.of(16, 30));
      assertThat(properties.lunch()).isNull();
      assertThat(context).hasSingleBean(WorkingTime.class);
    });
  }

  @Test
  void binds_every_property() {
    runner.withPropertyValues("mesa.working-time.zone=America/Lima", "mesa.working-time.days=monday,saturday",
        "mesa.working-time.opens=08:00", "mesa.working-time.closes=17:00",
        "mesa.working-time.lunch.start=12:00", "mesa.working-time.lunch.end=13:30").run(context -> {
          WorkingTimeProperties properties = context.getBean(WorkingTimeProperties.class);
          assertThat(properties.zone()).isEqualTo(ZoneId.of("America/Lima"));
          assertThat(properties.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
          assertThat(properties.opens()).isEqualTo(LocalTime.of(8, 0));
          assertThat(properties.closes()).isEqualTo(LocalTime.of(17, 0));
          assertThat(properties.lunch())
              .isEqualTo(new WorkingTimeProperties.Break(LocalTime.NOON, LocalTime.of(13, 30)));
          assertThat(context.getBean(WorkingTime.class).zone()).isEqualTo(ZoneId.of("America/Lima"));
        });
  }

  @Test
  void nonsense_hours_stop_the_start() {
    runner.withPropertyValues("mesa.working-time.opens=17:00", "mesa.working-time.closes=08:00")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void application_yaml_holds_the_institute_s_hours() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);

    // bind(), not bindOrCreate(): a missing block fails here instead of passing on the defaults.
    WorkingTimeProperties bound = Binder.get(environment)
        .bind("mesa.working-time", WorkingTimeProperties.class).get();

    assertThat(environment.getProperty("mesa.working-time.closes")).isEqualTo("16:30");
    assertThat(bound).isEqualTo(WorkingTimeProperties.defaults());
  }
}
