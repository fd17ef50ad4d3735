// Mirrors org.springframework.security:spring-security-core:6.5.7, in core 2.541.3 (Authentication). Compile-only stub.
package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is asking. Only its name is needed (as a parameter type of the credentials lookups); the real jar is on Maven
 * Central, but one interface does not justify another compile dependency of the stubs.
 */
public interface Authentication extends Principal, Serializable {}
