/** Trace formats, readers and transforms (see the traces issue). */
package io.hns.traces;
