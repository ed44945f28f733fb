/** Test support shared by every service's tests; used in test scope only, never by main code. */
package com.instainstru.platform.test;
