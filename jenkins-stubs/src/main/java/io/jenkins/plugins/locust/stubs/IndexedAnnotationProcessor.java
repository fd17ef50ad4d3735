// Build tool, not a stub: does what org.jenkins-ci:annotation-indexer's AnnotationProcessorImpl does for jenkins-core.
package io.jenkins.plugins.locust.stubs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/annotations/<annotation FQCN>} for every annotation meta-annotated with
 * {@code @org.jvnet.hudson.annotation_indexer.Indexed} (for example {@code @Symbol}): plain UTF-8 text, one binary
 * class name per line (the enclosing class for a member, {@code pkg.*} for a package), which is the format that
 * {@code org.jvnet.hudson.annotation_indexer.Index.list} reads and structs' {@code SymbolLookup} relies on.
 *
 * <p>The real annotation-indexer is not on Maven Central, so the build runs this processor instead (it is listed
 * explicitly in the plugin's {@code annotationProcessorPaths}). It never reaches the .hpi.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String PREFIX = "META-INF/services/annotations/";

    private final Map<String, SortedSet<String>> index = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (isIndexed(annotation)) {
                SortedSet<String> names = index.computeIfAbsent(
                        processingEnv
                                .getElementUtils()
                                .getBinaryName(annotation)
                                .toString(),
                        k -> new TreeSet<>());
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    names.add(indexedName(element));
                }
            }
        }
        if (round.processingOver()) {
            index.forEach(this::write);
        }
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
            Element type = meta.getAnnotationType().asElement();
            if (type instanceof TypeElement
                    && ((TypeElement) type).getQualifiedName().contentEquals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    private String indexedName(Element element) {
        Element current = element;
        while (current != null && !(current instanceof TypeElement) && !(current instanceof PackageElement)) {
            current = current.getEnclosingElement();
        }
        if (current instanceof PackageElement) {
            return ((PackageElement) current).getQualifiedName() + ".*";
        }
        if (current == null) {
            throw new IllegalStateException("An indexed annotation sits on " + element + ", which has no class");
        }
        return processingEnv
                .getElementUtils()
                .getBinaryName((TypeElement) current)
                .toString();
    }

    private void write(String annotation, SortedSet<String> names) {
        try {
            FileObject file =
                    processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", PREFIX + annotation);
            try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : names) {
                    writer.write(name);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "Cannot write " + PREFIX + annotation + ": " + e);
        }
    }
}
