// A territory's public page is read, not used: links and no form. Without client-side
// rendering it ships no JavaScript at all, so a visitor's phone paints it at once
// (Lighthouse, mobile: the hydration was most of the blocking time). Links to other
// pages load them in full, which is what they do without JavaScript anyway.
export const csr = false;
