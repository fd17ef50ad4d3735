// Mirrors org.kohsuke.stapler:json-lib:2.4-jenkins-15, in core 2.541.3 (JSONObject). Compile-only stub.
package net.sf.json;

/** A submitted form as JSON. Real supertypes: AbstractJSON, JSON, Map, Comparable (left out). */
public final class JSONObject {
    private JSONObject() {}
}
