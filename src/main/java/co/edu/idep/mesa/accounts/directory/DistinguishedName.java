package co.edu.idep.mesa.accounts.directory;

import com.unboundid.ldap.sdk.DN;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid LDAP distinguished name (blank is left to {@code @NotBlank}), so a typo fails at startup. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinguishedName.Validator.class)
public @interface DistinguishedName {

  String message() default "no es un DN de LDAP válido (ejemplo: ou=usuarios,dc=idep,dc=edu,dc=co)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DistinguishedName, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || DN.isValidDN(value);
    }
  }
}
