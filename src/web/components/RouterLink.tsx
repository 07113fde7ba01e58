import type { MouseEvent } from 'react';
import { Link, type LinkProps } from '@utrecht/component-library-react';
import { useHref, useLinkClickHandler, type To } from 'react-router-dom';

export interface RouterLinkProps extends Omit<LinkProps, 'href'> {
  to: To;
}

/** NL Design System link that navigates inside the single-page app. */
export function RouterLink({ to, onClick, children, ...rest }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) navigate(event);
  };
  return (
    <Link {...rest} href={href} onClick={handleClick}>
      {children}
    </Link>
  );
}
