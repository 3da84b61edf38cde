package co.edu.idep.mesa.security;

import java.util.List;

/** The authorizations one process needs, contributed by its capability; AuthorizationSetup grants them. */
public interface ProcessGrants {

  List<Grant> grants();
}
