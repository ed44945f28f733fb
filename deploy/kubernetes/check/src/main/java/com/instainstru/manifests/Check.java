package com.instainstru.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders deploy/kubernetes with kustomize and checks every object: its schema ({@link Schemas}), the
 * project's rules ({@link Rules}) and the connection budget ({@link Budget}). Exit status 1 with one line
 * per finding when anything is wrong.
 *
 * <pre>java com.instainstru.manifests.Check --kustomize PATH --repo PATH [--budget]</pre>
 */
public final class Check {

    private Check() {
    }

    /** Everything wrong with the manifests of a repository (empty when they pass). */
    public static List<Finding> run(Path kustomize, Path repo) throws Exception {
        Path dir = repo.resolve("deploy/kubernetes");
        Manifests manifests;
        try {
            manifests = Manifests.render(kustomize, dir);
        } catch (Exception e) {
            return List.of(new Finding("kustomize", e.getMessage()));
        }
        Build build = Build.read(repo);
        List<Finding> findings = new ArrayList<>(new Schemas().validate(manifests));
        findings.addAll(Rules.check(manifests, build));
        findings.addAll(Metrics.check(manifests, dir));
        findings.addAll(Migrations.check(repo));
        Budget budget = Budget.compute(manifests, build);
        findings.addAll(budget.findings);
        budget.compareWith(Files.readString(dir.resolve("README.md"))).ifPresent(findings::add);
        return findings;
    }

    public static void main(String[] args) throws Exception {
        Path kustomize = null;
        Path repo = null;
        boolean printBudget = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kustomize" -> kustomize = Path.of(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--budget" -> printBudget = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (kustomize == null || repo == null) {
            throw new IllegalArgumentException("usage: Check --kustomize PATH --repo PATH [--budget]");
        }
        long started = System.nanoTime();
        if (printBudget) {
            Manifests manifests = Manifests.render(kustomize, repo.resolve("deploy/kubernetes"));
            System.out.print(Budget.compute(manifests, Build.read(repo)).table());
            return;
        }
        List<Finding> findings = run(kustomize, repo);
        int objects = Manifests.render(kustomize, repo.resolve("deploy/kubernetes")).all().size();
        findings.forEach(f -> System.out.println("FAIL " + f));
        System.out.printf("manifests: %d objects rendered and checked, %d problems (%d ms)%n", objects, findings.size(),
                (System.nanoTime() - started) / 1_000_000);
        System.exit(findings.isEmpty() ? 0 : 1);
    }
}
