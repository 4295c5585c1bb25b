package org.wholecare.shell;

/**
 * Lets a module take one of its pages off the menu while nobody could use it (card payments that
 * are not set up, say), so the menu offers only what works. The page itself still says why.
 */
public interface MenuOffers {

    /** @param path a menu entry's address, without a leading slash; false leaves it off the menu */
    boolean offers(String path);
}
