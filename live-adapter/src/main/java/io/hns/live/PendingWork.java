package io.hns.live;

/**
 * Something that holds decisions back to send them together (a node group coalescing resize
 * requests under ARM's throttle); the loop lets it send what is due after each reconcile.
 */
public interface PendingWork {
  void flushDue();
}
