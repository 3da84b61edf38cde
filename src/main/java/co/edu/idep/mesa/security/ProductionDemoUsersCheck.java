package co.edu.idep.mesa.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production, a demo account that still opens with the demo password (a database that was
 * once started with demo users) stops the start-up. The password is compared with the stored hash
 * directly, so the check never counts as a failed login for a real user with the same name. With the
 * directory (profile {@code ldap}) nobody logs in with the database's users, and nothing is checked:
 * the directory's passwords are the directory's business.
 */
@Component
@Profile(ProductionSafetyCheck.PROFILE)
@Order(0)
public class ProductionDemoUsersCheck implements ApplicationRunner {

  static final String DEMO_PASSWORD = "demo";

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;

  public ProductionDemoUsersCheck(IdentityService identity, ProcessEngineConfiguration configuration) {
    this.identity = identity;
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.isReadOnly()) return;
    List<String> found = DemoUsers.USERS.stream().map(DemoUsers.Demo::id)
        .filter(this::opensWithDemoPassword).toList();
    if (!found.isEmpty()) {
      throw new IllegalStateException("La Mesa de Servicios no inicia con el perfil prod: hay cuentas de "
          + "demostración con la contraseña por defecto (" + String.join(", ", found)
          + "); elimínelas o cambie su contraseña en Camunda Admin.");
    }
  }

  private boolean opensWithDemoPassword(String userId) {
    if (!(identity.createUserQuery().userId(userId).singleResult() instanceof UserEntity user)) return false;
    return user.getPassword() != null
        && configuration.getPasswordManager().check(EncryptionUtil.saltPassword(DEMO_PASSWORD, user.getSalt()), user.getPassword());
  }
}
