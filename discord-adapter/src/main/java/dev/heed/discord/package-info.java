/**
 * Discord through JDA: implements the core's {@code ChatPort} and turns Discord buttons, reactions and slash
 * commands into core commands. The JDA wiring arrives with the Discord issue; until then the module only fixes
 * its place in the Maven graph (it depends on bot-core and never on the Slack adapter).
 */
package dev.heed.discord;
