package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.util.List;
import java.util.Locale;

/**
 * One request that reached the API server, reduced to what RBAC authorizes: verb, API group, resource and
 * subresource.
 */
public record ApiCall(String method, String path, String query) {

    /** The RBAC verb (get, list, watch, create, update, patch, delete, deletecollection). */
    public String verb() {
        boolean named = name() != null;
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> isWatch() ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    boolean isWatch() {
        return query != null && query.matches("(^|.*&)watch=(true|1)(&.*|$)");
    }

    /** The API group: "" for the core group. Null for paths that are no resources (discovery, /version). */
    public String group() {
        List<String> p = parts();
        if (p.size() >= 2 && p.get(0).equals("api")) {
            return "";
        }
        return p.size() >= 3 && p.get(0).equals("apis") ? p.get(1) : null;
    }

    public String resource() {
        List<String> rest = resourceParts();
        return rest.isEmpty() ? null : rest.get(0);
    }

    public String name() {
        List<String> rest = resourceParts();
        return rest.size() >= 2 ? rest.get(1) : null;
    }

    public String subresource() {
        List<String> rest = resourceParts();
        return rest.size() >= 3 ? rest.get(2) : null;
    }

    public String namespace() {
        List<String> p = afterVersion();
        return p.size() >= 2 && p.get(0).equals("namespaces") ? p.get(1) : null;
    }

    /** "resource" or "resource/subresource", the form RBAC rules use. */
    public String rbacResource() {
        return subresource() == null ? resource() : resource() + "/" + subresource();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }

    private List<String> resourceParts() {
        List<String> p = afterVersion();
        if (p.size() >= 3 && p.get(0).equals("namespaces")) {
            return p.subList(2, p.size());
        }
        return p;
    }

    private List<String> afterVersion() {
        List<String> p = parts();
        if (group() == null) {
            return List.of();
        }
        int skip = p.get(0).equals("api") ? 2 : 3;
        return p.size() > skip ? p.subList(skip, p.size()) : List.of();
    }

    private List<String> parts() {
        return List.of(path.replaceAll("^/+|/+$", "").split("/"));
    }
}
