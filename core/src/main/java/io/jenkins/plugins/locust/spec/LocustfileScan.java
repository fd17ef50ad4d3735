package io.jenkins.plugins.locust.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static look at a locustfile, without running it: which classes it declares and which local modules it imports.
 * Locust fails with "No User class found!" only after the pods are up; this finds the same mistake before launch.
 * It errs towards acceptance: any base class named {@code …User} counts, as do classes derived from such classes in
 * the scanned modules. It also finds the locustfile's own {@code LoadTestShape}, which takes users and duration out
 * of the load test's hands.
 */
final class LocustfileScan {
    private static final Pattern COMMENT = Pattern.compile("(?m)#.*$");
    private static final Pattern CLASS =
            Pattern.compile("(?m)^([ \\t]*)class[ \\t]+(\\w+)[ \\t]*\\(([^)]*)\\)[ \\t]*:");
    private static final Pattern ABSTRACT = Pattern.compile("^[ \\t]+abstract[ \\t]*=[ \\t]*True\\b");
    private static final Pattern FROM_IMPORT = Pattern.compile("(?m)^[ \\t]*from[ \\t]+\\.*([\\w.]+)[ \\t]+import\\b");
    private static final Pattern STAR_IMPORT = Pattern.compile("(?m)^[ \\t]*from[ \\t]+[\\w.]+[ \\t]+import[ \\t]+\\*");
    private static final Pattern IMPORT =
            Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("([\"'])([^\"'\\\\\\r\\n]{1,200})\\1");
    private static final String SHAPE_BASE = "LoadTestShape";
    private static final int MAX_MODULES = 200;

    /** A class as declared: its base names (last dotted part), whether it says {@code abstract = True}, where. */
    private record Declared(List<String> bases, boolean isAbstract, boolean inEntry) {}

    /**
     * What the scan found.
     *
     * @param declaresUserClass whether a Locust user class is declared (see the class comment for how loosely)
     * @param shapes the load shape classes Locust will find in the entry module: declared there, or imported into it
     *     from a scanned module; in declaration order
     * @param modules the entry file and the local modules it imports, transitively (what Python will compile)
     */
    record Result(boolean declaresUserClass, List<String> shapes, List<Path> modules) {}

    private LocustfileScan() {}

    /** Whether {@code entry}, or a module it imports (transitively) from {@code root}, declares a user class. */
    static boolean declaresUserClass(Path entry, Path root) throws IOException {
        return scan(entry, root).declaresUserClass();
    }

    /**
     * Scans {@code entry} and the modules it imports (transitively) from {@code root}.
     *
     * @param root the folder whose modules ship with the test, or null when only the entry file ships
     */
    static Result scan(Path entry, Path root) throws IOException {
        Map<String, Declared> classes = new LinkedHashMap<>();
        Deque<Path> queue = new ArrayDeque<>(List.of(entry.normalize()));
        Set<Path> seen = new LinkedHashSet<>();
        String entrySource = null;
        while (!queue.isEmpty() && seen.size() < MAX_MODULES) {
            Path module = queue.removeFirst().normalize();
            if (!seen.add(module)) {
                continue;
            }
            String source = read(module);
            boolean isEntry = entrySource == null;
            if (isEntry) {
                entrySource = source;
            }
            collectClasses(source, isEntry, classes);
            if (root != null) {
                for (String name : importedModules(source)) {
                    localModule(name, module.getParent(), root).ifPresent(queue::addLast);
                }
            }
        }
        boolean userClass = !derivedFrom(classes, base -> base.endsWith("User")).isEmpty();
        return new Result(userClass, shapesInEntry(classes, entrySource), List.copyOf(seen));
    }

    /**
     * Locust takes the shape classes it finds among the entry module's names: those declared there, and those a
     * helper declares when the entry imports them by name (or with {@code import *}).
     */
    private static List<String> shapesInEntry(Map<String, Declared> classes, String entrySource) {
        Set<String> shapes = derivedFrom(classes, SHAPE_BASE::equals);
        boolean starImport = STAR_IMPORT.matcher(entrySource).find();
        List<String> inEntry = new ArrayList<>();
        for (Map.Entry<String, Declared> entry : classes.entrySet()) {
            String name = entry.getKey();
            Declared declared = entry.getValue();
            if (shapes.contains(name)
                    && !declared.isAbstract()
                    && (declared.inEntry()
                            || starImport
                            || Pattern.compile("\\b" + name + "\\b")
                                    .matcher(entrySource)
                                    .find())) {
                inEntry.add(name);
            }
        }
        return inEntry;
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

    /**
     * Files next to the entry file (or below its folder) that its code names in a string literal, such as
     * {@code open(os.path.join(os.path.dirname(__file__), "users.csv"))}: data a single-file script reads but would
     * not ship with it.
     */
    static List<String> siblingDataFiles(Path entry) throws IOException {
        Path dir = entry.toAbsolutePath().getParent();
        Set<String> found = new LinkedHashSet<>();
        Matcher literal = STRING_LITERAL.matcher(read(entry));
        while (literal.find()) {
            String text = literal.group(2);
            if (text.isBlank() || text.contains("://") || text.startsWith("/") || text.endsWith(".py")) {
                continue;
            }
            try {
                Path candidate = dir.resolve(text).normalize();
                if (candidate.startsWith(dir)
                        && !candidate.equals(entry.toAbsolutePath().normalize())
                        && Files.isRegularFile(candidate)) {
                    found.add(text);
                }
            } catch (InvalidPathException e) {
                // not a path
            }
        }
        return List.copyOf(found);
    }

    private static String read(Path file) throws IOException {
        // Lenient decoding: a stray byte must not hide the classes from the scan.
        return COMMENT.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                .replaceAll("");
    }

    private static void collectClasses(String source, boolean inEntry, Map<String, Declared> classes) {
        String[] lines = source.split("\\R", -1);
        Matcher matcher = CLASS.matcher(source);
        while (matcher.find()) {
            List<String> bases = new ArrayList<>();
            for (String base : matcher.group(3).split(",")) {
                String name = base.trim();
                if (!name.isEmpty() && !name.contains("=")) {
                    bases.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            int line = lineOf(source, matcher.start());
            classes.put(
                    matcher.group(2), new Declared(bases, declaresAbstract(lines, line, matcher.group(1)), inEntry));
        }
    }

    private static int lineOf(String source, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether the class body (the lines indented deeper than its header) sets {@code abstract = True}. */
    private static boolean declaresAbstract(String[] lines, int header, String indent) {
        for (int i = header + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int depth = line.length() - line.stripLeading().length();
            if (depth <= indent.length()) {
                return false;
            }
            if (ABSTRACT.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** The classes that derive, directly or through other scanned classes, from a base the predicate accepts. */
    private static Set<String> derivedFrom(Map<String, Declared> classes, Predicate<String> root) {
        Set<String> derived = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Declared> entry : classes.entrySet()) {
                if (!derived.contains(entry.getKey())
                        && entry.getValue().bases().stream()
                                .anyMatch(base -> root.test(base) || derived.contains(base))) {
                    derived.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return derived;
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
