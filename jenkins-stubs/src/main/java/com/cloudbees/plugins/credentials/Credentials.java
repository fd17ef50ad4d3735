// Mirrors org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe (Credentials). Compile-only stub.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/**
 * A credential. The real interface also declares {@code getScope()}, {@code getDescriptor()} (covariant) and the
 * default {@code forRun(Run)}; the plugin only reads credentials, never implements one, so they are left out.
 */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
