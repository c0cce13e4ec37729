import classes from './skip-link.module.css';

/** "Skip to main content": past the header and navigation, to the element with id `main`. */
export function SkipLink() {
  return (
    <a href="#main" className={classes.skipLink}>
      Skip to main content
    </a>
  );
}
