/**
 * What the command line and the application both read and write: output files written whole or not
 * at all, model checkpoints with their training record, where Fashion-MNIST lives, which models
 * images can be fed to, and text from files made safe to print. Nothing here parses a command line,
 * so the app and the Learning Lab use it without depending on the commands.
 */
package org.cnnexplainer.demo.io;
