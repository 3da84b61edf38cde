package co.edu.idep.mesa.servicelevel;

import java.time.Duration;

/** What {@code niveles-de-servicio} gives a topic and priority: each target in working hours. */
public record ServiceLevelTargets(int firstAttentionHours, int resolutionHours) {

  public ServiceLevelTargets {
    if (firstAttentionHours <= 0 || resolutionHours <= 0) {
      throw new IllegalArgumentException("Service-level targets must be positive: " + firstAttentionHours
          + " h to first attention, " + resolutionHours + " h to resolution");
    }
  }

  public int hours(ServiceLevelKind kind) {
    return kind == ServiceLevelKind.FIRST_ATTENTION ? firstAttentionHours : resolutionHours;
  }

  public Duration of(ServiceLevelKind kind) {
    return Duration.ofHours(hours(kind));
  }
}
