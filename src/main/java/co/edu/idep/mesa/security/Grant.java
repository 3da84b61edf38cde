package co.edu.idep.mesa.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** One Camunda authorization: a group may do {@code permissions} on a resource. */
public record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}
