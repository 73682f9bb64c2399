/** The discrete-event simulator of a hybrid AKS cluster. */
package io.hns.simulator;
