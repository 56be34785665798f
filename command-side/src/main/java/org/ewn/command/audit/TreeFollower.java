package org.ewn.command.audit;

import org.ewn.audit.LogTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the tree up with the log and signs a head when it grew. It polls the store rather than following Axon's
 * event stream because the leaves are the events' chain hashes, which only the store has. Every command node runs
 * one; their writes coincide (see {@link LogTree} and {@link TreeHeads}).
 */
@Component
class TreeFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TreeFollower.class);

    private final LogTree tree;
    private final TreeHeads heads;
    private final ScheduledExecutorService follower;

    TreeFollower(LogTree tree, TreeHeads heads, AuditProperties properties) {
        this.tree = tree;
        this.heads = heads;
        this.follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-tree-follower");
            thread.setDaemon(true);
            return thread;
        });
        long follow = Math.max(10, properties.followInterval().toMillis());
        long sign = Math.max(100, properties.treeHeadInterval().toMillis());
        follower.scheduleWithFixedDelay(this::follow, follow, follow, TimeUnit.MILLISECONDS);
        follower.scheduleWithFixedDelay(this::signIfGrown, sign, sign, TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            tree.catchUp();
        } catch (RuntimeException e) {
            log.warn("Could not bring the transparency tree up to the log; trying again: {}", e.toString());
        }
    }

    private void signIfGrown() {
        try {
            heads.signIfGrown();
        } catch (RuntimeException e) {
            log.warn("Could not sign a tree head; trying again at the next interval: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        follower.shutdownNow();
    }
}
