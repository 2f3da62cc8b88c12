/**
 * The arithmetic behind the layers, on flat arrays and shapes (never layer classes); not exported.
 *
 * <ul>
 *   <li>{@link org.cnnexplainer.core.kernel.Reference}: the formulas as plain loops, the only
 *       written-out copy of each definition; the explanations and every test oracle use it.
 *   <li>{@link org.cnnexplainer.core.kernel.Kernels}: the one place that picks a fast path.
 *   <li>{@code plain/}: loops shaped for the JIT's auto-vectoriser, always available.
 *   <li>{@code vector/}: explicit SIMD code with the incubating Vector API, the only package that
 *       imports {@code jdk.incubator.vector}; used when the JVM has the module.
 *   <li>{@link org.cnnexplainer.core.kernel.Pass} and {@link org.cnnexplainer.core.kernel.Window}:
 *       what a layer call reads and writes, and where a sliding window reads.
 * </ul>
 */
package org.cnnexplainer.core.kernel;
