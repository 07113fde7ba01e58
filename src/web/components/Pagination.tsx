import { Button, ButtonGroup } from '@utrecht/component-library-react';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onPage }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Paginering" className="koers-pagination">
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Vorige
        </Button>
        <span className="koers-pagination__current">
          Pagina {Math.min(page, pages)} van {pages}
        </span>
        <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Volgende
        </Button>
      </ButtonGroup>
    </nav>
  );
}
