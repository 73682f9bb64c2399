/** The policy engine against a real cluster (see the live adapter issue). */
package io.hns.live;
