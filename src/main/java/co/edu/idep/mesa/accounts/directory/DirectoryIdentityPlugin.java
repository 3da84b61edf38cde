package co.edu.idep.mesa.accounts.directory;

import co.edu.idep.mesa.security.LoginThrottle;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP identity plugin (camunda-identity-ldap), configured by DirectoryLoginConfiguration,
 * giving the engine the {@link DirectoryIdentityProvider}: the plugin's provider behind the login
 * throttle. Registered as a read-only provider, so the engine writes no user, group or membership,
 * and {@code IdentityService.isReadOnly()} says so to the start-up code (security/RolesSetup, DemoUsers).
 */
class DirectoryIdentityPlugin extends LdapIdentityProviderPlugin {

  private final LoginThrottle throttle;

  DirectoryIdentityPlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new DirectoryIdentityProvider(DirectoryIdentityPlugin.this, throttle);
      }
    });
  }
}
