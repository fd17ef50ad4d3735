package io.jenkins.plugins.locust.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static look at a locustfile, without running it: which classes it declares and which local modules it imports.
 * Locust fails with "No User class found!" only after the pods are up; this finds the same mistake before launch.
 * It errs towards acceptance: any base class named {@code …User} counts, as do classes derived from such classes in
 * the scanned modules.
 */
final class LocustfileScan {
    private static final Pattern COMMENT = Pattern.compile("(?m)#.*$");
    private static final Pattern CLASS = Pattern.compile("(?m)^[ \\t]*class[ \\t]+(\\w+)[ \\t]*\\(([^)]*)\\)[ \\t]*:");
    private static final Pattern FROM_IMPORT = Pattern.compile("(?m)^[ \\t]*from[ \\t]+\\.*([\\w.]+)[ \\t]+import\\b");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)");
    private static final int MAX_MODULES = 200;

    private LocustfileScan() {}

    /**
     * Whether {@code entry}, or a module it imports (transitively) from {@code root}, declares a Locust user class.
     *
     * @param root the folder whose modules ship with the test, or null when only the entry file ships
     */
    static boolean declaresUserClass(Path entry, Path root) throws IOException {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(entry));
        Set<Path> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_MODULES) {
            Path module = queue.removeFirst().normalize();
            if (!seen.add(module)) {
                continue;
            }
            String source = read(module);
            collectClasses(source, classes);
            if (root != null) {
                for (String name : importedModules(source)) {
                    localModule(name, module.getParent(), root).ifPresent(queue::addLast);
                }
            }
        }
        return !userClasses(classes).isEmpty();
    }

    /** Modules the entry file imports that exist as files next to it (and so would not ship with a single file). */
    static List<String> siblingImports(Path entry) throws IOException {
        List<String> siblings = new ArrayList<>();
        for (String name : importedModules(read(entry))) {
            if (localModule(name, entry.getParent(), entry.getParent()).isPresent()) {
                siblings.add(name);
            }
        }
        return siblings;
    }

    private static String read(Path file) throws IOException {
        // Lenient decoding: a stray byte must not hide the classes from the scan.
        return COMMENT.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                .replaceAll("");
    }

    private static void collectClasses(String source, Map<String, List<String>> classes) {
        Matcher matcher = CLASS.matcher(source);
        while (matcher.find()) {
            List<String> bases = new ArrayList<>();
            for (String base : matcher.group(2).split(",")) {
                String name = base.trim();
                if (!name.isEmpty() && !name.contains("=")) {
                    bases.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            classes.put(matcher.group(1), bases);
        }
    }

    private static Set<String> userClasses(Map<String, List<String>> classes) {
        Set<String> users = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> entry : classes.entrySet()) {
                if (!users.contains(entry.getKey())
                        && entry.getValue().stream().anyMatch(base -> base.endsWith("User") || users.contains(base))) {
                    users.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return users;
    }

    private static Set<String> importedModules(String source) {
        Set<String> names = new LinkedHashSet<>();
        Matcher from = FROM_IMPORT.matcher(source);
        while (from.find()) {
            names.add(from.group(1));
        }
        Matcher plain = IMPORT.matcher(source);
        while (plain.find()) {
            for (String name : plain.group(1).split(",")) {
                names.add(name.trim());
            }
        }
        return names;
    }

    private static Optional<Path> localModule(String dotted, Path dir, Path root) {
        String relative = dotted.replace('.', '/');
        for (Path base : new Path[] {dir, root}) {
            for (Path candidate :
                    new Path[] {base.resolve(relative + ".py"), base.resolve(relative + "/__init__.py")}) {
                if (candidate.normalize().startsWith(root.normalize()) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
